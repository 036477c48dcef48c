@NullMarked
package io.ticketing.notification.domain.model;

import org.jspecify.annotations.NullMarked;
