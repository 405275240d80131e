#!/usr/bin/env node
/*
 * dynaseed's local engine: dynalite (pinned in package-lock.json, Apache-2.0) plus online global secondary index
 * changes, which dynalite 4.0.0 validates but ignores: UpdateTable with GlobalSecondaryIndexUpdates Create (the index
 * appears as CREATING, every existing item is backfilled into it, then it is ACTIVE) and Delete (the index is
 * DELETING, its data is dropped, then it is gone). Everything else is dynalite's own behaviour.
 *
 * Usage: node engine/dynaseed-engine.js <home>/node_modules/dynalite/cli.js [dynalite's options]
 *
 * The dynalite path stays on the command line, so dynaseed recognises a running engine by "dynalite/cli.js" in its
 * arguments, and by this file's name that it runs the launcher. Nothing in node_modules is changed: the launcher puts
 * its UpdateTable and DeleteTable actions into Node's module cache before dynalite's index.js requires them, widens
 * dynalite's UpdateTable validation (AttributeDefinitions, index throughput), and then runs dynalite's own cli.js.
 * Rules follow DynamoDB: one index Create or Delete per call and per table at a time, the table and the index ACTIVE.
 */
'use strict'

var path = require('path')

var cli = process.argv[2]
if (!cli || path.basename(cli) !== 'cli.js') {
  console.error('usage: node dynaseed-engine.js <path to node_modules/dynalite/cli.js> [dynalite options]')
  process.exit(2)
}
cli = path.resolve(cli)
var home = path.dirname(cli)

function dynaliteFile (file) {
  return require.resolve(path.join(home, file))
}

var db = require(dynaliteFile('db/index.js'))
var createTableRules = require(dynaliteFile('validations/createTable.js'))
var updateTableRules = require(dynaliteFile('validations/updateTable.js'))
var originalUpdateTable = require(dynaliteFile('actions/updateTable.js'))
var originalDeleteTable = require(dynaliteFile('actions/deleteTable.js'))

var ONE_AT_A_TIME = 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table'
var MAX_GLOBAL_INDEXES = 20
var IN_USE = 'Attempt to change a resource which is still in use: '

widenUpdateTableValidation()
require.cache[dynaliteFile('actions/updateTable.js')].exports = updateTable
require.cache[dynaliteFile('actions/deleteTable.js')].exports = deleteTable
var createStore = db.create
db.create = function (options) {
  var store = createStore(options)
  setImmediate(finishInterruptedIndexChanges, store)
  return store
}

process.argv = [ process.argv[0], cli ].concat(process.argv.slice(3))
watchOwner(process.env.DYNASEED_ENGINE_OWNER_PID)
require(cli)

/**
 * An in-memory engine (the test suite's) ends with the process that started it, which names itself in
 * DYNASEED_ENGINE_OWNER_PID: checked every second, so that an owner killed before its shutdown hook could stop the
 * engine (kill -9, a test run stopped hard) leaves no engine behind. An engine with its data on disk is shared by
 * commands and outlives each of them: it is never started with the variable.
 */
function watchOwner (value) {
  if (!value) return
  var owner = Number(value)
  if (!Number.isInteger(owner) || owner <= 0) {
    console.error('dynaseed-engine: DYNASEED_ENGINE_OWNER_PID is not a process id: ' + value)
    process.exit(2)
  }
  setInterval(function () {
    try {
      process.kill(owner, 0)
    } catch (e) {
      // EPERM: the owner lives but belongs to another user; only ESRCH says it is gone.
      if (e.code === 'ESRCH') {
        console.error('dynaseed-engine: the process that started this in-memory engine (pid ' + owner +
          ') has ended; stopping')
        process.exit(0)
      }
    }
  }, 1000).unref()
}

/** UpdateTable also accepts AttributeDefinitions, and index throughput only where the billing mode needs it. */
function widenUpdateTableValidation () {
  var types = updateTableRules.types
  types.AttributeDefinitions = Object.assign({}, createTableRules.types.AttributeDefinitions)
  delete types.AttributeDefinitions.notNull
  var create = types.GlobalSecondaryIndexUpdates.children.children.Create.children
  delete create.ProvisionedThroughput.notNull
  create.OnDemandThroughput = {
    type: 'FieldStruct<OnDemandThroughput>',
    children: { MaxReadRequestUnits: { type: 'Long' }, MaxWriteRequestUnits: { type: 'Long' } },
  }
  create.WarmThroughput = {
    type: 'FieldStruct<WarmThroughput>',
    children: { ReadUnitsPerSecond: { type: 'Long' }, WriteUnitsPerSecond: { type: 'Long' } },
  }
}

function updateTable (store, data, cb) {
  var changes = (data.GlobalSecondaryIndexUpdates || []).filter(function (update) {
    return update.Create || update.Delete
  })
  if (!changes.length) return delegateUnlessIndexChanging(store, data, cb)
  if (changes.length > 1) return cb(db.limitError(ONE_AT_A_TIME))
  if (data.ProvisionedThroughput) {
    return cb(db.validationError('You cannot create or delete index while updating table IOPS'))
  }
  if (data.BillingMode || data.GlobalSecondaryIndexUpdates.length > 1) {
    return cb(db.validationError('One or more parameter values were invalid: dynaseed\'s local engine takes a ' +
      'global secondary index Create or Delete alone in its UpdateTable call; send the BillingMode change or the ' +
      'index Update in a call of its own'))
  }
  var tableDb = store.tableDb
  tableDb.lock(data.TableName, function (release) {
    cb = release(cb)
    store.getTable(data.TableName, false, function (err, table) {
      if (err) return cb(err)
      if (changes[0].Create) return createIndex(store, table, data, changes[0].Create, cb)
      deleteIndex(store, table, changes[0].Delete.IndexName, cb)
    })
  })
}

/** dynalite's own UpdateTable, refused while an index is being created or deleted (it would overwrite the table). */
function delegateUnlessIndexChanging (store, data, cb) {
  store.getTable(data.TableName, false, function (err, table) {
    if (err) return cb(err)
    var busy = globalIndexes(table).filter(function (index) {
      return index.IndexStatus == 'CREATING' || index.IndexStatus == 'DELETING'
    })[0]
    if (busy) return cb(indexInUse(table, busy))
    originalUpdateTable(store, data, cb)
  })
}

/** dynalite's own DeleteTable, refused (as DynamoDB does) while an index is not ACTIVE. */
function deleteTable (store, data, cb) {
  store.getTable(data.TableName, false, function (err, table) {
    if (!err && globalIndexes(table).some(function (index) { return index.IndexStatus != 'ACTIVE' }) &&
        table.TableStatus != 'CREATING') {
      return cb(resourceInUse('Cannot delete table while indexes are being created, updated, or deleted.'))
    }
    originalDeleteTable(store, data, cb)
  })
}

function createIndex (store, table, data, create, cb) {
  var name = create.IndexName
  var invalid = checkCreate(table, data, create)
  if (invalid) return cb(invalid)
  var busy = checkIdle(table, null)
  if (busy) return cb(busy)
  if (globalIndexes(table).length >= MAX_GLOBAL_INDEXES) {
    return cb(db.limitError('Subscriber limit exceeded: Number of global secondary indexes exceeds per-table limit of ' +
      MAX_GLOBAL_INDEXES))
  }

  var payPerRequest = billingMode(table) == 'PAY_PER_REQUEST'
  var throughput = create.ProvisionedThroughput || { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }
  var index = {
    IndexName: name,
    KeySchema: create.KeySchema,
    Projection: create.Projection,
    IndexStatus: 'CREATING',
    Backfilling: true,
    ProvisionedThroughput: {
      ReadCapacityUnits: payPerRequest ? 0 : throughput.ReadCapacityUnits,
      WriteCapacityUnits: payPerRequest ? 0 : throughput.WriteCapacityUnits,
      NumberOfDecreasesToday: 0,
    },
    IndexSizeBytes: 0,
    ItemCount: 0,
    IndexArn: table.TableArn + '/index/' + name,
  }
  create.KeySchema.forEach(function (key) {
    var defined = table.AttributeDefinitions.some(function (attr) { return attr.AttributeName == key.AttributeName })
    if (!defined) table.AttributeDefinitions.push(definition(data.AttributeDefinitions, key.AttributeName))
  })
  table.GlobalSecondaryIndexes = globalIndexes(table).concat([ index ])
  table.TableStatus = 'UPDATING'

  store.tableDb.put(table.TableName, table, function (err) {
    if (err) return cb(err)
    cb(null, { TableDescription: table })
    var started = Date.now()
    backfill(store, table, index, function (err) {
      if (err) logUnlessClosed(err)
      setTimeout(finishCreate, Math.max(0, store.options.updateTableMs - (Date.now() - started)), store,
        table.TableName, name)
    })
  })
}

/** Why the Create cannot be done, in DynamoDB's words; nothing when it can. */
function checkCreate (table, data, create) {
  var name = create.IndexName
  var taken = globalIndexes(table).concat(table.LocalSecondaryIndexes || []).some(function (index) {
    return index.IndexName == name
  })
  if (taken) return db.validationError('One or more parameter values were invalid: Duplicate index name: ' + name)
  if (!data.AttributeDefinitions) return db.validationError('AttributeDefinitions is not specified for index: ' + name)

  var keys = create.KeySchema.map(function (key) { return key.AttributeName })
  if (create.KeySchema[0].KeyType != 'HASH') {
    return db.validationError('Invalid KeySchema: The first KeySchemaElement is not a HASH key type')
  }
  if (create.KeySchema[1] && create.KeySchema[1].KeyType != 'RANGE') {
    return db.validationError('Invalid KeySchema: The second KeySchemaElement is not a RANGE key type')
  }
  if (keys[1] && keys[0] == keys[1]) {
    return db.validationError('Both the Hash Key and the Range Key element in the KeySchema have the same name')
  }
  var defined = table.AttributeDefinitions.concat(data.AttributeDefinitions)
  var definedNames = defined.map(function (attr) { return attr.AttributeName })
  if (keys.some(function (key) { return definedNames.indexOf(key) < 0 })) {
    return db.validationError('One or more parameter values were invalid: Some index key attributes are not defined ' +
      'in AttributeDefinitions. Keys: [' + keys.join(', ') + '], AttributeDefinitions: [' +
      data.AttributeDefinitions.map(function (attr) { return attr.AttributeName }).join(', ') + ']')
  }
  for (var i = 0; i < keys.length; i++) {
    var types = defined.filter(function (attr) { return attr.AttributeName == keys[i] })
      .map(function (attr) { return attr.AttributeType })
    if (types.some(function (type) { return type != types[0] })) {
      return db.validationError('One or more parameter values were invalid: AttributeDefinitions gives ' + keys[i] +
        ' the types ' + types.join(' and ') + '; an attribute the table already defines keeps its type')
    }
  }

  var projection = create.Projection
  if (projection.ProjectionType == null) {
    return db.validationError('One or more parameter values were invalid: Unknown ProjectionType: null')
  }
  if (projection.NonKeyAttributes && projection.ProjectionType != 'INCLUDE') {
    return db.validationError('One or more parameter values were invalid: ProjectionType is ' +
      projection.ProjectionType + ', but NonKeyAttributes is specified')
  }
  if (!projection.NonKeyAttributes && projection.ProjectionType == 'INCLUDE') {
    return db.validationError('One or more parameter values were invalid: ProjectionType is INCLUDE, but ' +
      'NonKeyAttributes is not specified')
  }

  if (billingMode(table) == 'PAY_PER_REQUEST') {
    if (create.ProvisionedThroughput) {
      return db.validationError('One or more parameter values were invalid: ProvisionedThroughput should not be ' +
        'specified for index: ' + name + ' when BillingMode is PAY_PER_REQUEST')
    }
  }
  else {
    if (!create.ProvisionedThroughput) {
      return db.validationError('One or more parameter values were invalid: Both ReadCapacityUnits and ' +
        'WriteCapacityUnits must be specified for index: ' + name)
    }
    if (create.OnDemandThroughput) {
      return db.validationError('One or more parameter values were invalid: MaxReadRequestUnits for ' +
        'OnDemandThroughput for index: ' + name + ' cannot be specified when table BillingMode is PROVISIONED')
    }
  }
}

function deleteIndex (store, table, name, cb) {
  var index = globalIndexes(table).filter(function (candidate) { return candidate.IndexName == name })[0]
  if (!index) return cb(notFound('Requested resource not found: Index ' + name + ' for table ' + table.TableName))
  if (index.IndexStatus != 'ACTIVE') return cb(indexInUse(table, index))
  var busy = checkIdle(table, index)
  if (busy) return cb(busy)

  index.IndexStatus = 'DELETING'
  table.TableStatus = 'UPDATING'
  store.tableDb.put(table.TableName, table, function (err) {
    if (err) return cb(err)
    cb(null, { TableDescription: table })
    var started = Date.now()
    store.deleteIndexDb('Global', table.TableName, name, function (err) {
      if (err) logUnlessClosed(err)
      setTimeout(finishDelete, Math.max(0, store.options.updateTableMs - (Date.now() - started)), store,
        table.TableName, name)
    })
  })
}

/** Another index change in progress, an index being updated, or a table not ACTIVE: what DynamoDB answers then. */
function checkIdle (table, except) {
  var others = globalIndexes(table).filter(function (index) { return index !== except })
  if (others.some(function (index) { return index.IndexStatus == 'CREATING' || index.IndexStatus == 'DELETING' })) {
    return db.limitError(ONE_AT_A_TIME)
  }
  var updating = others.filter(function (index) { return index.IndexStatus != 'ACTIVE' })[0]
  if (updating) return indexInUse(table, updating)
  if (table.TableStatus != 'ACTIVE') {
    var doing = { CREATING: 'created', UPDATING: 'updated', DELETING: 'deleted' }[table.TableStatus] || 'changed'
    return resourceInUse('Table is being ' + doing + ': ' + table.TableName)
  }
}

/**
 * Puts every item of the table into the new index: first drops whatever an earlier index of that name left, then
 * indexes each item under its item lock (so writes racing with it keep the index right), then removes entries whose
 * item changed or went away meanwhile. Items without the index's key attributes (or with another type) stay out.
 */
function backfill (store, table, index, cb) {
  var itemDb = store.getItemDb(table.TableName)
  store.deleteIndexDb('Global', table.TableName, index.IndexName, function (err) {
    if (err) return cb(err)
    var indexDb = store.getIndexDb('Global', table.TableName, index.IndexName)
    db.lazy(itemDb.createValueStream(), cb).join(function (items) {
      var keys = items.map(function (item) { return db.createKey(item, table) })
      each(keys, function (key, done) {
        itemDb.lock(key, function (release) {
          done = release(done)
          itemDb.get(key, function (err, item) {
            if (err) return done(err.name == 'NotFoundError' ? null : err)
            var entry = item && indexEntry(table, index, item)
            if (!entry) return done()
            indexDb.put(entry.key, entry.item, done)
          })
        })
      }, function (err) {
        if (err) return cb(err)
        removeStaleEntries(store, table, index, cb)
      })
    })
  })
}

function removeStaleEntries (store, table, index, cb) {
  var itemDb = store.getItemDb(table.TableName)
  var indexDb = store.getIndexDb('Global', table.TableName, index.IndexName)
  db.lazy(indexDb.createValueStream(), cb).join(function (entries) {
    each(entries, function (entry, done) {
      var key = db.createKey(entry, table), entryKey = db.createIndexKey(entry, table, index.KeySchema)
      itemDb.lock(key, function (release) {
        done = release(done)
        itemDb.get(key, function (err, item) {
          if (err && err.name != 'NotFoundError') return done(err)
          var current = item && indexEntry(table, index, item)
          if (current && current.key == entryKey) return done()
          indexDb.del(entryKey, done)
        })
      })
    }, cb)
  })
}

/** The item as the index stores it, with its index key; nothing for an item the index leaves out. */
function indexEntry (table, index, item) {
  var fits = index.KeySchema.every(function (key) {
    var type = table.AttributeDefinitions.filter(function (attr) { return attr.AttributeName == key.AttributeName })
      .map(function (attr) { return attr.AttributeType })[0]
    var value = item[key.AttributeName]
    return value != null && value[type] != null && value[type] !== ''
  })
  if (!fits) return null
  var puts = db.getIndexActions([ index ], null, item, table).puts
  return puts.length ? { key: puts[0].key, item: puts[0].item } : null
}

function finishCreate (store, tableName, name) {
  changeTable(store, tableName, function (table) {
    var index = globalIndexes(table).filter(function (candidate) { return candidate.IndexName == name })[0]
    if (!index || index.IndexStatus != 'CREATING') return false
    index.IndexStatus = 'ACTIVE'
    delete index.Backfilling
    table.TableStatus = 'ACTIVE'
    return true
  })
}

function finishDelete (store, tableName, name) {
  changeTable(store, tableName, function (table) {
    var remaining = globalIndexes(table).filter(function (index) { return index.IndexName != name })
    if (remaining.length == globalIndexes(table).length) return false
    if (remaining.length) table.GlobalSecondaryIndexes = remaining
    else delete table.GlobalSecondaryIndexes
    var used = table.KeySchema.concat.apply(table.KeySchema, remaining.concat(table.LocalSecondaryIndexes || [])
      .map(function (index) { return index.KeySchema }))
      .map(function (key) { return key.AttributeName })
    table.AttributeDefinitions = table.AttributeDefinitions.filter(function (attr) {
      return used.indexOf(attr.AttributeName) >= 0
    })
    table.TableStatus = 'ACTIVE'
    return true
  }, function () {
    // A write that read the table before the index went may have added an entry since: drop it too.
    store.deleteIndexDb('Global', tableName, name, function (err) { if (err) logUnlessClosed(err) })
  })
}

/** Under the table's lock: reads it, lets {@code change} edit it and writes it back when that returns true. */
function changeTable (store, tableName, change, then) {
  store.tableDb.lock(tableName, function (release) {
    var done = release(function (err) {
      if (err) logUnlessClosed(err)
      else if (then) then()
    })
    store.getTable(tableName, false, function (err, table) {
      if (err) return done(err.name == 'NotFoundError' || err.statusCode == 400 ? null : err)
      if (table.TableStatus == 'DELETING' || !change(table)) return done()
      store.tableDb.put(tableName, table, done)
    })
  })
}

/** At start: completes index changes that a stopped engine left CREATING or DELETING in its data folder. */
function finishInterruptedIndexChanges (store) {
  db.lazy(store.tableDb.createValueStream(), logUnlessClosed).join(function (tables) {
    tables.forEach(function (table) {
      globalIndexes(table).forEach(function (index) {
        if (index.IndexStatus == 'CREATING' && index.Backfilling) {
          backfill(store, table, index, function (err) {
            if (err) logUnlessClosed(err)
            finishCreate(store, table.TableName, index.IndexName)
          })
        }
        else if (index.IndexStatus == 'DELETING') {
          store.deleteIndexDb('Global', table.TableName, index.IndexName, function (err) {
            if (err) logUnlessClosed(err)
            finishDelete(store, table.TableName, index.IndexName)
          })
        }
      })
    })
  })
}

function globalIndexes (table) {
  return (table && table.GlobalSecondaryIndexes) || []
}

function billingMode (table) {
  return (table.BillingModeSummary || {}).BillingMode || 'PROVISIONED'
}

function definition (definitions, name) {
  return definitions.filter(function (attr) { return attr.AttributeName == name })[0]
}

function indexInUse (table, index) {
  var doing = { CREATING: 'created', UPDATING: 'updated', DELETING: 'deleted' }[index.IndexStatus] || 'changed'
  return resourceInUse('Index is being ' + doing + '. Table: ' + table.TableName + ' Index: ' + index.IndexName)
}

function resourceInUse (message) {
  return dynamoError('ResourceInUseException', IN_USE + message)
}

function notFound (message) {
  return dynamoError('ResourceNotFoundException', message)
}

function dynamoError (type, message) {
  var err = new Error(message)
  err.statusCode = 400
  err.body = { __type: 'com.amazonaws.dynamodb.v20120810#' + type, message: message }
  return err
}

/** Runs {@code work} on each value in turn (one at a time keeps a large table from flooding the store). */
function each (values, work, cb) {
  var i = 0
  next()
  function next (err) {
    if (err || i >= values.length) return cb(err)
    var value = values[i++]
    work(value, function (err) { setImmediate(next, err) })
  }
}

function logUnlessClosed (err) {
  if (err && !/Database is (not open|closed)/.test(err)) console.error(err.stack || err)
}
