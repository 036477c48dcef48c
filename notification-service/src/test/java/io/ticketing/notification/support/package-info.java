@NullMarked
package io.ticketing.notification.support;

import org.jspecify.annotations.NullMarked;
