@NullMarked
package io.ticketing.gateway;

import org.jspecify.annotations.NullMarked;
