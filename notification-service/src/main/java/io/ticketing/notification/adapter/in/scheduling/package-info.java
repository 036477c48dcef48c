@NullMarked
package io.ticketing.notification.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
