@NullMarked
package io.ticketing.gateway.support;

import org.jspecify.annotations.NullMarked;
