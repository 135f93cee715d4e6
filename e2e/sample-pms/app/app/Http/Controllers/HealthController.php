<?php

namespace App\Http\Controllers;

use App\Version;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Redis;
use Throwable;

/** GET /health: the release's version, a database read and the queue's store. */
class HealthController extends Controller
{
    public function show()
    {
        $result = ['status' => 'ok', 'app_version' => Version::VERSION];
        $healthy = true;
        try {
            DB::table('rooms')->limit(1)->count();
            $result['database'] = 'ok';
        } catch (Throwable $e) {
            $result['database'] = 'failed: '.class_basename($e);
            $healthy = false;
        }
        try {
            Redis::connection()->ping();
            $result['queue'] = 'ok';
        } catch (Throwable $e) {
            $result['queue'] = 'failed: '.class_basename($e);
            $healthy = false;
        }
        if (! $healthy) {
            $result['status'] = 'failed';
        }
        return response()->json($result, $healthy ? 200 : 503);
    }
}
