@NullMarked
package io.ticketing.gateway.adapter;

import org.jspecify.annotations.NullMarked;
