@NullMarked
package io.ticketing.notification.adapter.in.web;

import org.jspecify.annotations.NullMarked;
