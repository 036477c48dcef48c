@NullMarked
package io.ticketing.user.adapter.out.token;

import org.jspecify.annotations.NullMarked;
