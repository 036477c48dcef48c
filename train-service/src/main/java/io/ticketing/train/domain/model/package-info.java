@NullMarked
package io.ticketing.train.domain.model;

import org.jspecify.annotations.NullMarked;
