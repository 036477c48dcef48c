@NullMarked
package io.ticketing.user.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
