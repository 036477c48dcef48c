@NullMarked
package io.ticketing.gateway.application;

import org.jspecify.annotations.NullMarked;
