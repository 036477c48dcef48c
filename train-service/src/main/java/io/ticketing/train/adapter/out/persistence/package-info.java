@NullMarked
package io.ticketing.train.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
