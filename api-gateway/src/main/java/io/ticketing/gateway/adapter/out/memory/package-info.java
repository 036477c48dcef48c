/** State kept in this gateway replica's memory only. */
@NullMarked
package io.ticketing.gateway.adapter.out.memory;

import org.jspecify.annotations.NullMarked;
