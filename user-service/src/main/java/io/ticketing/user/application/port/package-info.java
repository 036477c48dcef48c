@NullMarked
package io.ticketing.user.application.port;

import org.jspecify.annotations.NullMarked;
