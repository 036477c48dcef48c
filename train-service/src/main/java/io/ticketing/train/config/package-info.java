@NullMarked
package io.ticketing.train.config;

import org.jspecify.annotations.NullMarked;
