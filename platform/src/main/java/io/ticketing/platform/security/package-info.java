@NullMarked
package io.ticketing.platform.security;

import org.jspecify.annotations.NullMarked;
