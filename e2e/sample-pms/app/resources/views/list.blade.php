@extends('layout')

@section('content')
<h1>{{ $title }}</h1>
<table>
@foreach ($rows as $row)
  <tr>@foreach ($row as $cell)<td>{{ $cell }}</td>@endforeach</tr>
@endforeach
</table>
@endsection
