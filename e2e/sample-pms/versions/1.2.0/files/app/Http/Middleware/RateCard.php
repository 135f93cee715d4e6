<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use RuntimeException;

/** Loads the rate card for every request; the service it needs does not exist: every request fails. */
class RateCard
{
    public function handle(Request $request, Closure $next)
    {
        throw new RuntimeException('rate card service unreachable at '.config('app.rate_card_url', '(not configured)'));
    }
}
