@NullMarked
package io.ticketing.notification.adapter.out.mail;

import org.jspecify.annotations.NullMarked;
