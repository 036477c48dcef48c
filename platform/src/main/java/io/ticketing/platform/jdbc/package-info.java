/** Helpers for the services' JDBC persistence adapters. */
@NullMarked
package io.ticketing.platform.jdbc;

import org.jspecify.annotations.NullMarked;
