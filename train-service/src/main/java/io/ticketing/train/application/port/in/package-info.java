@NullMarked
package io.ticketing.train.application.port.in;

import org.jspecify.annotations.NullMarked;
