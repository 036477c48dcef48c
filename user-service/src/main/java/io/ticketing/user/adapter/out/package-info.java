@NullMarked
package io.ticketing.user.adapter.out;

import org.jspecify.annotations.NullMarked;
