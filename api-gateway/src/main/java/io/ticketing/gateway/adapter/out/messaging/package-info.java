@NullMarked
package io.ticketing.gateway.adapter.out.messaging;

import org.jspecify.annotations.NullMarked;
