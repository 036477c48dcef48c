@NullMarked
package io.ticketing.user.domain;

import org.jspecify.annotations.NullMarked;
