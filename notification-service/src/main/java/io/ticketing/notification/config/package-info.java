@NullMarked
package io.ticketing.notification.config;

import org.jspecify.annotations.NullMarked;
