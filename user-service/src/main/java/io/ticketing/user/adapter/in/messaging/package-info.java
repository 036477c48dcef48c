@NullMarked
package io.ticketing.user.adapter.in.messaging;

import org.jspecify.annotations.NullMarked;
