@NullMarked
package io.ticketing.gateway.adapter.out.ratelimit;

import org.jspecify.annotations.NullMarked;
