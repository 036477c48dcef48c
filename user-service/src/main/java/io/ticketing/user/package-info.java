@NullMarked
package io.ticketing.user;

import org.jspecify.annotations.NullMarked;
