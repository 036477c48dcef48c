@NullMarked
package io.ticketing.notification.adapter.out.messaging;

import org.jspecify.annotations.NullMarked;
