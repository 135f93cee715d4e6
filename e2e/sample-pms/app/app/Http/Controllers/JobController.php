<?php

namespace App\Http\Controllers;

use App\Jobs\RecordVersion;
use App\Version;
use Illuminate\Http\Request;

/** POST /api/jobs {token}: queues a job that records which release's worker ran it. */
class JobController extends Controller
{
    public function store(Request $request)
    {
        $token = (string) $request->input('token');
        abort_if($token === '', 422, 'token is required');
        RecordVersion::dispatch($token);
        return response()->json(['queued' => $token, 'app_version' => Version::VERSION], 202);
    }
}
