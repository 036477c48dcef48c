@NullMarked
package io.ticketing.train.application.port.out;

import org.jspecify.annotations.NullMarked;
