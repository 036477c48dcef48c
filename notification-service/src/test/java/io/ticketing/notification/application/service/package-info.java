@NullMarked
package io.ticketing.notification.application.service;

import org.jspecify.annotations.NullMarked;
