@NullMarked
package io.ticketing.gateway.adapter.in.proxy;

import org.jspecify.annotations.NullMarked;
