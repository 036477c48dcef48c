@NullMarked
package io.ticketing.gateway.adapter.in;

import org.jspecify.annotations.NullMarked;
