@NullMarked
package io.ticketing.gateway.adapter.out;

import org.jspecify.annotations.NullMarked;
