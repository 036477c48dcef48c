@NullMarked
package io.ticketing.gateway.domain;

import org.jspecify.annotations.NullMarked;
