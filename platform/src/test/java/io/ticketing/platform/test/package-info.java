@NullMarked
package io.ticketing.platform.test;

import org.jspecify.annotations.NullMarked;
