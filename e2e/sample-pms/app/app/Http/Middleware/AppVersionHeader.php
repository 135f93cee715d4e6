<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;

/** Every answer names the release that made it (from the release's configuration). */
class AppVersionHeader
{
    public function handle(Request $request, Closure $next)
    {
        $response = $next($request);
        $response->headers->set('X-App-Version', config('app.version'));
        return $response;
    }
}
