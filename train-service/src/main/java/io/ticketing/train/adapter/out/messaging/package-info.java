@NullMarked
package io.ticketing.train.adapter.out.messaging;

import org.jspecify.annotations.NullMarked;
