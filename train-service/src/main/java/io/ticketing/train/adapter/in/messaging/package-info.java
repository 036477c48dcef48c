@NullMarked
package io.ticketing.train.adapter.in.messaging;

import org.jspecify.annotations.NullMarked;
