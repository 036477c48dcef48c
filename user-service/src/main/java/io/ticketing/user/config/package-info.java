@NullMarked
package io.ticketing.user.config;

import org.jspecify.annotations.NullMarked;
