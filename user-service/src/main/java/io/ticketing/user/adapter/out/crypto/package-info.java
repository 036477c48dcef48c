@NullMarked
package io.ticketing.user.adapter.out.crypto;

import org.jspecify.annotations.NullMarked;
