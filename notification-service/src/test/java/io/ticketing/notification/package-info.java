@NullMarked
package io.ticketing.notification;

import org.jspecify.annotations.NullMarked;
