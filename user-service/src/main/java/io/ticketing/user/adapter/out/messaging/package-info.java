@NullMarked
package io.ticketing.user.adapter.out.messaging;

import org.jspecify.annotations.NullMarked;
