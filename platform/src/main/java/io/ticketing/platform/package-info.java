@NullMarked
package io.ticketing.platform;

import org.jspecify.annotations.NullMarked;
