@NullMarked
package io.ticketing.train.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
