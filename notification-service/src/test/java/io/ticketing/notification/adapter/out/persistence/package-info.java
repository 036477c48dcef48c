@NullMarked
package io.ticketing.notification.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
