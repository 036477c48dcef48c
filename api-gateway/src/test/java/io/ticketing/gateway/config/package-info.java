@NullMarked
package io.ticketing.gateway.config;

import org.jspecify.annotations.NullMarked;
