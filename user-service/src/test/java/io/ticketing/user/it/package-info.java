@NullMarked
package io.ticketing.user.it;

import org.jspecify.annotations.NullMarked;
