@NullMarked
package io.ticketing.notification.adapter.in.messaging;

import org.jspecify.annotations.NullMarked;
