@NullMarked
package io.ticketing.user.application;

import org.jspecify.annotations.NullMarked;
