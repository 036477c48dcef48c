@NullMarked
package io.ticketing.user.adapter.in;

import org.jspecify.annotations.NullMarked;
